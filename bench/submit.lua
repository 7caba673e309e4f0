-- wrk: one application per request, each from a school of its own: thread t uses URNs base + t * 100000 + 1, 2, ...
-- wrk -s bench/submit.lua URL -- BASE_URN WORK_GROUP_ID TOKEN
local threads = {}
local next_id = 0

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

function init(args)
    base = tonumber(args[1]) + id * 100000
    path = "/api/v1/work-groups/" .. args[2] .. "/applications"
    headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. args[3] }
    sent = 0
end

local template = [[{"school": {"urn": "%d", "name": "Bench Primary", "address": "1 School Lane, Wolverhampton",
 "telephone": "01902 556360", "localAuthority": "Wolverhampton"},
 "headteacher": {"name": "Ann Head", "email": "head%d@school.example"},
 "mainContact": {"name": "Sam Lead", "email": "sam%d@school.example", "trn": "1234567", "schoolRoles": "Maths lead"},
 "leadTeachers": [
  {"role": "LEAD_TEACHER_RECEPTION", "name": "Rita Reception", "email": "rita%d@school.example", "trn": "2345678", "schoolRoles": "Class teacher"},
  {"role": "LEAD_TEACHER_YEAR_1", "name": "Yusuf One", "email": "yusuf%d@school.example", "trn": "3456789", "schoolRoles": "Class teacher"},
  {"role": "LEAD_TEACHER_YEAR_2", "name": "Yolanda Two", "email": "yolanda%d@school.example", "trn": "4567890", "schoolRoles": "Class teacher"},
  {"role": "MATHS_LEAD", "name": "Sam Lead", "email": "sam%d@school.example", "trn": "1234567", "schoolRoles": "Maths lead"}],
 "headteacherStatement": "Our children need secure number sense before Key Stage 2."}]]

function request()
    sent = sent + 1
    local urn = base + sent
    return wrk.format("POST", path, headers, string.format(template, urn, urn, urn, urn, urn, urn, urn))
end

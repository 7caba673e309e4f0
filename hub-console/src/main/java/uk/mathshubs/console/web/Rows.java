package uk.mathshubs.console.web;

import java.util.List;

import io.quarkus.qute.RawString;
import uk.mathshubs.console.api.CatalogueApi.Transition;
import uk.mathshubs.console.api.CatalogueApi.WorkGroup;
import uk.mathshubs.console.api.SchedulingApi.Attendance;

/**
 * The rows a page repeats by the dozen, written here rather than in its template: each Qute expression is resolved
 * at render time, and a register of 87 people with three radios each, or a list of 29 Work Groups with their forms,
 * made thousands of them (the profile in BENCHMARKS.md, "Hub console"). The markup is the GOV.UK Design System's, as
 * the templates write it; every value from the API is escaped here, as Qute would.
 */
final class Rows {

    private Rows() {
    }

    /** The register's rows: each person, their school, and a radio for each mark, the one recorded checked. */
    static RawString register(List<Attendance> register, List<RegisterPages.Mark> marks) {
        StringBuilder html = new StringBuilder(register.size() * 1400);
        for (Attendance person : register) {
            String field = person.field();
            String name = escaped(person.name());
            html.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(name)
                    .append("<br><span class=\"govuk-body-s\">").append(escaped(Formats.words(person.role())))
                    .append("</span></th><td class=\"govuk-table__cell\">").append(escaped(person.schoolName()))
                    .append("</td><td class=\"govuk-table__cell\"><fieldset class=\"govuk-fieldset\">")
                    .append("<legend class=\"govuk-fieldset__legend govuk-visually-hidden\">Attendance of ").append(name)
                    .append("</legend><div class=\"govuk-radios govuk-radios--small govuk-radios--inline\">");
            for (RegisterPages.Mark mark : marks) {
                html.append("<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"").append(field)
                        .append('-').append(mark.code()).append("\" name=\"").append(field)
                        .append("\" type=\"radio\" value=\"").append(mark.code()).append('"')
                        .append(mark.code().equals(person.attendance()) ? " checked>" : ">")
                        .append("<label class=\"govuk-label govuk-radios__label\" for=\"").append(field).append('-')
                        .append(mark.code()).append("\">").append(mark.label()).append("</label></div>");
            }
            html.append("</div></fieldset></td></tr>\n");
        }
        return new RawString(html.toString());
    }

    /** The list's rows: each Work Group, its status, places, window, and a form for each status change it allows. */
    static RawString workGroups(List<WorkGroup> groups, String hub, String csrfField, String csrfToken) {
        StringBuilder html = new StringBuilder(groups.size() * 1600);
        String shownHub = hub == null ? "" : escaped(hub);
        for (WorkGroup group : groups) {
            String programme = escaped(group.programme().label());
            String hubName = escaped(group.hub().label());
            html.append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/console/work-groups/")
                    .append(group.id()).append("\">").append(programme).append("</a><br><span class=\"govuk-body-s\">")
                    .append(hubName).append(" · ").append(escaped(group.academicYear())).append("</span></td>")
                    .append("<td class=\"govuk-table__cell\"><strong class=\"govuk-tag ").append(Formats.tagColour(group.status()))
                    .append("\">").append(escaped(Formats.words(group.status()))).append("</strong></td>")
                    .append("<td class=\"govuk-table__cell govuk-table__cell--numeric\">")
                    .append(group.capacity() != null ? group.placesLeft() + " of " + group.capacity() : "No limit").append("</td>")
                    .append("<td class=\"govuk-table__cell\">");
            if (group.applicationWindow() != null) {
                var window = group.applicationWindow();
                html.append(Formats.ukDate(window.opensAt())).append(" to ").append(Formats.ukDateTime(window.closesAt()))
                        .append("<br><span class=\"govuk-body-s\">Decisions on ").append(Formats.ukDate(window.confirmationDate()))
                        .append("</span>");
            }
            html.append("</td><td class=\"govuk-table__cell console-actions\">");
            for (Transition transition : group.transitions()) {
                html.append("<form method=\"post\" action=\"/console/work-groups/").append(group.id()).append("/status\">")
                        .append("<input type=\"hidden\" name=\"").append(csrfField).append("\" value=\"").append(escaped(csrfToken))
                        .append("\"><input type=\"hidden\" name=\"status\" value=\"").append(transition.status())
                        .append("\"><input type=\"hidden\" name=\"hub\" value=\"").append(shownHub).append("\">")
                        .append("<button class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0\" data-module=\"govuk-button\" type=\"submit\">")
                        .append(transition.label()).append("<span class=\"govuk-visually-hidden\"> ").append(programme).append(", ")
                        .append(hubName).append("</span></button></form>");
            }
            html.append("</td></tr>\n");
        }
        return new RawString(html.toString());
    }

    /** HTML's five special characters as entities, as Qute's own escaping writes them. */
    static String escaped(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (entity != null) {
                    out.append(entity);
                } else {
                    out.append(text.charAt(i));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}

// GOV.UK Frontend's components (error summary focus, notification banners), once the browser runs modules.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

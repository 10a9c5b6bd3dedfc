/* /docs: Swagger UI from the locally installed swagger-ui-dist package (no CDN). */
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  if (typeof window.SwaggerUIBundle !== "function") {
    document.getElementById("docs-missing").hidden = false;
    return;
  }
  window.SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,  // never contact the online validator
    tryItOutEnabled: true,
  });
});

// Starts Swagger UI (files from the fastapi-offline package); an external file because the Content-Security-Policy forbids inline scripts.
"use strict";
(function () {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null, // the default validator badge would call an outside service
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
})();

// Starts Swagger UI on the API page (api-docs.xhtml). An external script, not an inline one, so
// that the page needs no 'unsafe-inline' in its Content-Security-Policy.
(function () {
  var target = document.getElementById("swagger-ui");
  if (!target || typeof SwaggerUIBundle === "undefined") {
    return;
  }
  window.statedeskApi = SwaggerUIBundle({
    url: target.getAttribute("data-spec"),
    domNode: target,
    deepLinking: false,
    // never send the console's cookies with "Try it out": the API authenticates by token only
    requestInterceptor: function (request) {
      request.credentials = "omit";
      return request;
    },
    onComplete: function () {
      // Swagger UI's server menu has no label of its own (WCAG 4.1.2): name it in the page's language
      var servers = document.getElementById("servers");
      if (servers) {
        servers.setAttribute("aria-label", target.getAttribute("data-servers-label"));
      }
      target.setAttribute("data-loaded", "true");
    }
  });
})();

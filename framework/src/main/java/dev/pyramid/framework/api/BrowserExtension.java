package dev.pyramid.framework.api;

import io.qameta.allure.Allure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The extension behind {@link WithBrowser}: resolves {@link Browser} parameters, one fresh browser
 * window per test, and on a failed test attaches what the browser showed to its Allure result.
 */
final class BrowserExtension implements ParameterResolver, TestWatcher {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Browser.class, type -> Browser.fresh(), Browser.class);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
    if (browser == null) {
      return;
    }
    // Each attachment on its own: a browser that died still gives what it can.
    try {
      browser.attachScreenshot("screenshot");
    } catch (RuntimeException e) {
      Allure.addAttachment("screenshot (not taken)", "text/plain", e.toString());
    }
    try {
      Allure.addAttachment(
          "page " + browser.url(),
          "text/html",
          new ByteArrayInputStream(browser.html().getBytes(StandardCharsets.UTF_8)),
          "html");
    } catch (RuntimeException e) {
      Allure.addAttachment("page (not read)", "text/plain", e.toString());
    }
    try {
      Allure.addAttachment("browser console", "text/plain", browser.consoleLog(), "txt");
    } catch (RuntimeException e) {
      Allure.addAttachment("browser console (not read)", "text/plain", e.toString());
    }
  }
}

package org.resetflow.channel;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The emails' HTML and plain-text templates ({@code mail/<name>.html}, {@code mail/<name>.txt}), with their texts from
 * the message bundles in the user's language. A template of the same name in {@code resetflow.channels.templates-folder}
 * wins over the built-in one and is read again at every send.
 */
@Component
class MailTemplates {

    record Rendered(String text, String html) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates(ChannelProperties properties, MessageSource messages) {
        int order = 1;
        if (!properties.templatesFolder().isBlank()) {
            String folder = properties.templatesFolder().endsWith("/") ? properties.templatesFolder() : properties.templatesFolder() + "/";
            engine.addTemplateResolver(resolver(new FileTemplateResolver(), folder, ".html", TemplateMode.HTML, order++, false));
            engine.addTemplateResolver(resolver(new FileTemplateResolver(), folder, ".txt", TemplateMode.TEXT, order++, false));
        }
        engine.addTemplateResolver(resolver(new ClassLoaderTemplateResolver(), "templates/mail/", ".html", TemplateMode.HTML, order++, true));
        engine.addTemplateResolver(resolver(new ClassLoaderTemplateResolver(), "templates/mail/", ".txt", TemplateMode.TEXT, order, true));
        engine.setTemplateEngineMessageSource(messages);
    }

    Rendered render(String name, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        return new Rendered(engine.process(name + ".txt", context).strip() + "\n", engine.process(name + ".html", context));
    }

    private static org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver resolver(
            org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver resolver, String prefix, String suffix,
            TemplateMode mode, int order, boolean cacheable) {
        resolver.setPrefix(prefix);
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        resolver.setCacheable(cacheable);
        return resolver;
    }
}

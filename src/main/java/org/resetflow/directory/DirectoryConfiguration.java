package org.resetflow.directory;

import org.resetflow.directory.embedded.EmbeddedDirectories;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;

/**
 * The cloud and the on-premises directory, each over its own connection settings. Defining the context sources
 * and templates here makes Spring Boot's single-directory LDAP auto-configuration back off; its health indicator
 * still reports both templates.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    static final String ACTIVE_DIRECTORY_NOT_AVAILABLE = "resetflow.directory.on-premises.mode=active-directory is not available yet";

    @Bean
    LdapContextSource cloudContextSource(DirectoryProperties properties, ObjectProvider<EmbeddedDirectories> embeddedDirectories) {
        startEmbeddedDirectoriesFirst(embeddedDirectories);
        var cloud = properties.cloud();
        return LdapConnections.contextSource(cloud.url(), cloud.bindDn(), cloud.bindPassword(), cloud.timeout());
    }

    @Bean
    LdapContextSource onPremisesContextSource(DirectoryProperties properties, ObjectProvider<EmbeddedDirectories> embeddedDirectories) {
        startEmbeddedDirectoriesFirst(embeddedDirectories);
        var onPremises = properties.onPremises();
        return LdapConnections.contextSource(onPremises.url(), onPremises.bindDn(), onPremises.bindPassword(), onPremises.timeout());
    }

    @Bean
    LdapTemplate cloudLdapTemplate(@Qualifier("cloudContextSource") LdapContextSource contextSource) {
        return LdapConnections.template(contextSource);
    }

    @Bean
    LdapTemplate onPremisesLdapTemplate(@Qualifier("onPremisesContextSource") LdapContextSource contextSource) {
        return LdapConnections.template(contextSource);
    }

    @Bean
    CloudDirectory cloudDirectory(@Qualifier("cloudLdapTemplate") LdapTemplate ldap, DirectoryProperties properties) {
        return new LdapCloudDirectory(ldap, properties.cloud());
    }

    @Bean
    OnPremisesDirectory onPremisesDirectory(@Qualifier("onPremisesLdapTemplate") LdapTemplate ldap, DirectoryProperties properties) {
        return switch (properties.onPremises().mode()) {
            case LDAP -> new LdapOnPremisesDirectory(ldap, properties.onPremises());
            case ACTIVE_DIRECTORY -> throw new IllegalStateException(ACTIVE_DIRECTORY_NOT_AVAILABLE);
        };
    }

    // Asking for the bean creates it, and creating it starts the servers: they listen before any connection is made.
    private static void startEmbeddedDirectoriesFirst(ObjectProvider<EmbeddedDirectories> embeddedDirectories) {
        embeddedDirectories.ifAvailable(started -> { });
    }
}

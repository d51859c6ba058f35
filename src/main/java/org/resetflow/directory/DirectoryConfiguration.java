package org.resetflow.directory;

import org.resetflow.directory.embedded.EmbeddedDirectories;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;

/**
 * The cloud and the on-premises directory, each over its own connection settings. Defining the context sources
 * and templates here makes Spring Boot's single-directory LDAP auto-configuration back off; its health indicator
 * still reports both templates. Each directory has two context sources: {@code *ContextSource} opens new, unpooled
 * connections (for the pool, and for binds that check a user's password); {@code *ConnectionPool} keeps the service
 * account's connections open, and the templates work through it.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    static final String MODE = "resetflow.directory.on-premises.mode";

    @Bean
    LdapContextSource cloudContextSource(DirectoryProperties properties, ObjectProvider<EmbeddedDirectories> embeddedDirectories) {
        startEmbeddedDirectoriesFirst(embeddedDirectories);
        var cloud = properties.cloud();
        return LdapConnections.contextSource(cloud.url(), cloud.bindDn(), cloud.bindPassword(), cloud.timeout());
    }

    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "ldap", matchIfMissing = true)
    LdapContextSource onPremisesContextSource(DirectoryProperties properties, ObjectProvider<EmbeddedDirectories> embeddedDirectories) {
        startEmbeddedDirectoriesFirst(embeddedDirectories);
        var onPremises = properties.onPremises();
        return LdapConnections.contextSource(onPremises.url(), onPremises.bindDn(), onPremises.bindPassword(), onPremises.timeout());
    }

    @Bean
    ContextSource cloudConnectionPool(@Qualifier("cloudContextSource") LdapContextSource connections, DirectoryProperties properties) {
        return LdapConnections.serviceAccount(connections, properties.cloud().pool());
    }

    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "ldap", matchIfMissing = true)
    ContextSource onPremisesConnectionPool(@Qualifier("onPremisesContextSource") LdapContextSource connections,
                                           DirectoryProperties properties) {
        return LdapConnections.serviceAccount(connections, properties.onPremises().pool());
    }

    @Bean
    LdapTemplate cloudLdapTemplate(@Qualifier("cloudConnectionPool") ContextSource connectionPool) {
        return LdapConnections.template(connectionPool);
    }

    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "ldap", matchIfMissing = true)
    LdapTemplate onPremisesLdapTemplate(@Qualifier("onPremisesConnectionPool") ContextSource connectionPool) {
        return LdapConnections.template(connectionPool);
    }

    @Bean
    CloudDirectory cloudDirectory(@Qualifier("cloudLdapTemplate") LdapTemplate ldap,
                                  @Qualifier("cloudContextSource") LdapContextSource userBinds, DirectoryProperties properties) {
        return new LdapCloudDirectory(ldap, userBinds, properties.cloud());
    }

    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "ldap", matchIfMissing = true)
    OnPremisesDirectory onPremisesDirectory(@Qualifier("onPremisesLdapTemplate") LdapTemplate ldap,
                                            @Qualifier("onPremisesContextSource") LdapContextSource userBinds, DirectoryProperties properties) {
        return new LdapOnPremisesDirectory(ldap, userBinds, properties.onPremises());
    }

    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "active-directory")
    ActiveDirectory activeDirectory(DirectoryProperties properties, ObjectProvider<EmbeddedDirectories> embeddedDirectories) {
        startEmbeddedDirectoriesFirst(embeddedDirectories);
        return new ActiveDirectory(properties.onPremises());
    }

    // Asking for the bean creates it, and creating it starts the servers: they listen before any connection is made.
    private static void startEmbeddedDirectoriesFirst(ObjectProvider<EmbeddedDirectories> embeddedDirectories) {
        embeddedDirectories.ifAvailable(started -> { });
    }
}

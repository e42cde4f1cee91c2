package com.siyu.deploy.nacos;

import com.alibaba.nacos.NacosServerBasicApplication;
import com.alibaba.nacos.NacosServerWebApplication;
import com.alibaba.nacos.console.NacosConsole;
import com.alibaba.nacos.core.listener.startup.NacosStartUp;
import com.alibaba.nacos.core.listener.startup.NacosStartUpManager;
import com.alibaba.nacos.sys.env.Constants;
import com.alibaba.nacos.sys.env.DeploymentType;
import com.alibaba.nacos.sys.env.EnvUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jmx.export.MBeanExporter;
import org.springframework.jmx.support.RegistrationPolicy;

/**
 * Minimal replacement for Nacos's own {@code nacos-bootstrap} module (which is not published to Maven
 * Central): starts a standalone Nacos 3.1 server for local runs and CI.
 *
 * <p>Nacos 3 runs several Spring contexts: a non-web "core" context ({@link NacosServerBasicApplication})
 * holding the shared services, then the server web context ({@link NacosServerWebApplication}, HTTP open
 * API on {@code nacos.server.main.port}) as a child of it. Each phase must be announced to
 * {@link NacosStartUpManager} before its context starts, because Nacos's startup listeners prepare the
 * environment per phase. The console context is only started for the "merged" deployment type.
 *
 * <p>Expected system properties (set by {@code deploy/lib/servers.sh}): {@code nacos.home},
 * {@code nacos.standalone=true}, {@code nacos.deployment.type=server}. The server settings are read from
 * {@code ${nacos.home}/conf/application.properties} (falling back to the copy bundled in the jar).
 */
public final class SiyuNacosLauncher {

    private SiyuNacosLauncher() {
    }

    public static void main(String[] args) {
        defaultProperty(Constants.STANDALONE_MODE_PROPERTY_NAME, "true");
        defaultProperty(Constants.NACOS_DEPLOYMENT_TYPE, Constants.NACOS_DEPLOYMENT_TYPE_SERVER);
        defaultProperty("nacos.home", System.getProperty("user.dir"));
        // Nacos reads its server settings from the first "file:" entry of this property (what the official
        // startup script passes as --spring.config.additional-location); without it, it falls back to the
        // classpath application.properties bundled in this jar (a copy of src/main/dist/conf).
        Path conf = Path.of(System.getProperty("nacos.home"), "conf");
        if (Files.isRegularFile(conf.resolve("application.properties"))) {
            defaultProperty("spring.config.additional-location", "file:" + conf.toAbsolutePath() + "/");
        }

        String typeName = System.getProperty(Constants.NACOS_DEPLOYMENT_TYPE);
        DeploymentType type = DeploymentType.getType(typeName);
        if (type != DeploymentType.SERVER && type != DeploymentType.MERGED) {
            throw new IllegalArgumentException("Unsupported nacos.deployment.type '" + typeName
                    + "' (this launcher supports 'server' and 'merged')");
        }
        EnvUtil.setDeploymentType(type);

        ConfigurableApplicationContext core = startCore(args);
        startChild(NacosStartUp.WEB_START_UP_PHASE, NacosServerWebApplication.class, core, args);
        if (type == DeploymentType.MERGED) {
            startChild(NacosStartUp.CONSOLE_START_UP_PHASE, NacosConsole.class, core, args);
        }
    }

    private static ConfigurableApplicationContext startCore(String[] args) {
        NacosStartUpManager.start(NacosStartUp.CORE_START_UP_PHASE);
        ConfigurableApplicationContext core = new SpringApplicationBuilder(NacosServerBasicApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .run(args);
        // With JMX on, the child contexts would try to export the same MBeans again and fail.
        if (core.getEnvironment().getProperty("spring.jmx.enabled", Boolean.class, false)) {
            core.getBeanProvider(MBeanExporter.class)
                    .ifAvailable(exporter -> exporter.setRegistrationPolicy(RegistrationPolicy.IGNORE_EXISTING));
        }
        return core;
    }

    private static ConfigurableApplicationContext startChild(String phase, Class<?> source,
            ConfigurableApplicationContext parent, String[] args) {
        NacosStartUpManager.start(phase);
        return new SpringApplicationBuilder(source)
                .parent(parent)
                .bannerMode(Banner.Mode.OFF)
                .run(args);
    }

    private static void defaultProperty(String key, String value) {
        String current = System.getProperty(key);
        if (current == null || current.isBlank()) {
            System.setProperty(key, value);
        }
    }
}

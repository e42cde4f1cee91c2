package com.siyu.touchpoint;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@org.springframework.cloud.openfeign.EnableFeignClients
public class TouchpointApplication {

    public static void main(String[] args) {
        SpringApplication.run(TouchpointApplication.class, args);
    }
}

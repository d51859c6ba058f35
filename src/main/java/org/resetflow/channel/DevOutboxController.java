package org.resetflow.channel;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /dev/outbox?to=ADDRESS}: what the embedded profile would have sent, newest last. */
@RestController
@Profile("embedded")
class DevOutboxController {

    private final DevOutbox outbox;

    DevOutboxController(DevOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/dev/outbox")
    List<DevOutbox.Entry> outbox(@RequestParam(name = "to", required = false) String to) {
        return outbox.to(to);
    }
}

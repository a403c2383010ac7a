package se.hjalpmedelsnav.hub.alert;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/alerts} (ADMIN and VIEWER): the alerts raised now, the oldest first, for the Overview. */
@RestController
@RequestMapping("/api/admin")
public class AlertApi {

    private final AlertBoard board;

    public AlertApi(AlertBoard board) {
        this.board = board;
    }

    @GetMapping("/alerts")
    public List<Alert> alerts() {
        return board.raised();
    }
}

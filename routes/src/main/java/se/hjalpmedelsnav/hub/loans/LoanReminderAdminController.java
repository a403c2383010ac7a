package se.hjalpmedelsnav.hub.loans;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The follow-up and return reminders the hub recorded, newest first (ADMIN and VIEWER; the security configuration
 * guards {@code /api/admin/**}): kind, municipality, order, decision, devices, due date, when decided and when sent
 * (null while waiting). References only.
 */
@RestController
@RequestMapping("/api/admin/loans")
public class LoanReminderAdminController {

    private final LoanReminders reminders;

    public LoanReminderAdminController(LoanReminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/reminders")
    public List<LoanReminders.Recorded> reminders(@RequestParam(defaultValue = "100") int limit) {
        return reminders.recent(Math.max(1, Math.min(limit, 1000)));
    }
}

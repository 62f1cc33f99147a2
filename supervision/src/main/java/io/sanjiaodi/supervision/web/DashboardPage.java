package io.sanjiaodi.supervision.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the dashboard at /dashboard/ (static resources have no directory index of their own). */
@Controller
class DashboardPage {

    @GetMapping("/dashboard")
    String withoutSlash() {
        return "redirect:/dashboard/";
    }

    @GetMapping("/dashboard/")
    String page() {
        return "forward:/dashboard/index.html";
    }
}

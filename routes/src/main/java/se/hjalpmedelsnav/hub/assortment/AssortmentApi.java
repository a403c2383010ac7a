package se.hjalpmedelsnav.hub.assortment;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admins' report of the supplier's catalogues applied: the versions, and what one changed. */
@RestController
@RequestMapping("/api/admin/assortment")
public class AssortmentApi {

    private final AssortmentStore store;

    public AssortmentApi(AssortmentStore store) {
        this.store = store;
    }

    /** The latest versions first: file, catalogue, header action, when, and how many articles each changed. */
    @GetMapping("/versions")
    public List<AssortmentStore.Version> versions(@RequestParam(defaultValue = "50") int limit) {
        return store.versions(limit);
    }

    /** The article numbers one version added, updated and withdrew. */
    @GetMapping("/versions/{version}/changes")
    public ResponseEntity<Map<String, List<String>>> changes(@PathVariable long version) {
        if (store.version(version).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(store.changes(version));
    }
}

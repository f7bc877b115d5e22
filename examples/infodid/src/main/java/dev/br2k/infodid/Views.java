package dev.br2k.infodid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes InfoDID answers with (plain maps, so any JSON mapper writes them the same way). */
final class Views {
    private Views() {
    }

    static Map<String, Object> profile(Profile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("did", p.did().toString());
        m.put("name", p.name());
        p.photo().ifPresent(v -> m.put("photo", v));
        m.put("education", p.education());
        m.put("career", p.career());
        p.validUntil().ifPresent(v -> m.put("validUntil", v.toString()));
        m.put("updatedAt", p.updatedAt().toString());
        return m;
    }

    static Map<String, Object> consent(Consent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", c.owner().toString());
        m.put("reader", c.reader().toString());
        m.put("grantedAt", c.grantedAt().toString());
        c.until().ifPresent(v -> m.put("until", v.toString()));
        return m;
    }

    static Map<String, Object> read(ProfileRead r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", r.owner().toString());
        m.put("reader", r.reader().toString());
        m.put("at", r.at().toString());
        m.put("requestId", r.requestId());
        return m;
    }

    static List<Map<String, Object>> consents(List<Consent> list) {
        return list.stream().map(Views::consent).toList();
    }

    static List<Map<String, Object>> reads(List<ProfileRead> list) {
        return list.stream().map(Views::read).toList();
    }
}

package com.siyu.guide.wecom.infra;

/** Text cut to what a column (or a WeCom field) holds. */
final class Columns {

    private Columns() {
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

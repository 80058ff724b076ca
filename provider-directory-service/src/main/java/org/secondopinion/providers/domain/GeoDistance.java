package org.secondopinion.providers.domain;

/** Great-circle distance by the haversine formula; the same formula as the SQL function great_circle_km. */
public final class GeoDistance {

    public static final double EARTH_RADIUS_KM = 6371.0088;

    private GeoDistance() {
    }

    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /** Rounds a distance for display: one decimal. */
    public static double round(double km) {
        return Math.round(km * 10.0) / 10.0;
    }
}

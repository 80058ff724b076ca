package org.secondopinion.providers.service;

import java.util.List;
import org.secondopinion.providers.domain.GeoDistance;

/**
 * A latitude/longitude box that contains every point within a radius of a centre: an index-friendly
 * prefilter before the exact great-circle distance. Longitude is not bounded near the poles or across
 * the antimeridian, where the box would be wrong.
 */
record GeoBox(double minLat, double maxLat, Double minLon, Double maxLon) {

    private static final double KM_PER_DEGREE = Math.PI * GeoDistance.EARTH_RADIUS_KM / 180;

    static GeoBox around(double lat, double lon, double radiusKm) {
        double dLat = radiusKm / KM_PER_DEGREE;
        double minLat = Math.max(-90, lat - dLat);
        double maxLat = Math.min(90, lat + dLat);
        double maxAbsLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
        if (maxAbsLat >= 89) {
            return new GeoBox(minLat, maxLat, null, null);
        }
        double dLon = radiusKm / (KM_PER_DEGREE * Math.cos(Math.toRadians(maxAbsLat)));
        if (lon - dLon < -180 || lon + dLon > 180) {
            return new GeoBox(minLat, maxLat, null, null);
        }
        return new GeoBox(minLat, maxLat, lon - dLon, lon + dLon);
    }

    /** The SQL condition on a clinic alias, with positional parameters: bind {@link #parameters()} in its place. */
    String condition(String alias) {
        String lat = alias + ".latitude between ? and ?";
        return minLon == null ? lat : lat + " and " + alias + ".longitude between ? and ?";
    }

    /** The values of the {@link #condition} parameters, in order. */
    List<Object> parameters() {
        return minLon == null ? List.of(minLat, maxLat) : List.of(minLat, maxLat, minLon, maxLon);
    }
}

package org.secondopinion.providers.domain;

import java.util.regex.Pattern;

/**
 * The National Provider Identifier rule: ten digits whose last is a Luhn check digit computed over
 * the card-issuer prefix 80840 followed by the first nine digits.
 */
public final class Npi {

    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    private static final String PREFIX = "80840";

    private Npi() {
    }

    public static boolean isValid(String npi) {
        if (npi == null || !TEN_DIGITS.matcher(npi).matches()) {
            return false;
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The check digit for nine leading digits. */
    public static int checkDigit(String nineDigits) {
        String payload = PREFIX + nineDigits;
        int sum = 0;
        // Doubling starts with the rightmost payload digit, because the check digit will follow it.
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = payload.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    /** A valid NPI from nine leading digits. */
    public static String complete(String nineDigits) {
        return nineDigits + checkDigit(nineDigits);
    }
}

package nl.tijdig.kernel;

/**
 * The betalingskenmerk (structured payment reference) of the Betaalvereniging ("Specificaties
 * betalingskenmerk"), in its three forms:
 * <ul>
 * <li>16 digits: a check digit followed by 15 digits;
 * <li>9 to 14 digits: a check digit, a length code (the reference's whole length, mod 10: 9 for 9 digits, 0 for
 * 10, … 4 for 14) and 7 to 12 digits; the check digit covers the length code too;
 * <li>7 digits: no check digit.
 * </ul>
 * 8 and 15 digits are never valid. The check digit: the digits after it are weighted from the right with 2, 4,
 * 8, 5, 10, 9, 7, 3, 6, 1 (repeating); C = 11 − (sum mod 11), where 10 becomes 1 and 11 becomes 0. Example:
 * {@code 5000056789012345}. (DOMAIN-NL.md's "7 to 16 digits" is the range of lengths, not that each is valid.)
 */
public final class Betalingskenmerk {

    private static final int[] WEIGHTS = {2, 4, 8, 5, 10, 9, 7, 3, 6, 1};
    private static final long MAX_NUMBER = 999_999_999_999_999L;

    private Betalingskenmerk() {
    }

    /** The 16-digit reference of a number (0 to 999,999,999,999,999), e.g. a per-tenant sequence. */
    public static String of(long number) {
        if (number < 0 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("a betalingskenmerk holds 15 digits; " + number + " does not fit");
        }
        String digits = String.format("%015d", number);
        return checkDigit(digits) + digits;
    }

    /**
     * True for one of the three forms: 16 digits with a correct check digit; 9 to 14 digits with a correct
     * length code and check digit; 7 digits.
     */
    public static boolean isValid(String reference) {
        if (reference == null || !reference.matches("[0-9]{7,16}")) {
            return false;
        }
        int length = reference.length();
        if (length == 7) {
            return true;
        }
        if (length == 8 || length == 15) {
            return false;
        }
        if (length < 16 && reference.charAt(1) - '0' != length % 10) {
            return false;
        }
        return reference.charAt(0) - '0' == checkDigit(reference.substring(1));
    }

    /**
     * Why a reference is not valid, or null when it is: for an error message that tells the user which rule it
     * breaks.
     */
    public static String problem(String reference) {
        if (reference == null || !reference.matches("[0-9]+")) {
            return "has only digits";
        }
        int length = reference.length();
        if (length < 7 || length > 16 || length == 8 || length == 15) {
            return "has 7, 9 to 14, or 16 digits (not " + length + ")";
        }
        if (length > 8 && length < 16 && reference.charAt(1) - '0' != length % 10) {
            return "has the length code " + (length % 10) + " as its second digit (for " + length + " digits)";
        }
        return isValid(reference) ? null : "has a wrong check digit (its first digit)";
    }

    /** A reference of 9 to 14 digits for 7 to 12 digits: check digit, length code, the digits. */
    public static String withLengthCode(String digits) {
        if (digits == null || !digits.matches("[0-9]{7,12}")) {
            throw new IllegalArgumentException("a reference with a length code holds 7 to 12 digits");
        }
        String coded = (digits.length() + 2) % 10 + digits;
        return checkDigit(coded) + coded;
    }

    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += digit * WEIGHTS[i % WEIGHTS.length];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 1 : check == 11 ? 0 : check;
    }
}

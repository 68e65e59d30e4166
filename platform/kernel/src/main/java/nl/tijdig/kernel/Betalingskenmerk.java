package nl.tijdig.kernel;

/**
 * The betalingskenmerk (structured payment reference) of the Betaalvereniging: 16 digits, a check
 * digit followed by 15 digits. The check digit: the 15 digits are weighted from the right with
 * 2, 4, 8, 5, 10, 9, 7, 3, 6, 1 (repeating); C = 11 − (sum mod 11), where 10 becomes 1 and 11
 * becomes 0. Example: {@code 5000056789012345}. Shorter references (7 to 15 digits) carry no check
 * digit.
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

    /** True for 16 digits with a correct check digit, and for 7 to 15 digits. */
    public static boolean isValid(String reference) {
        if (reference == null || !reference.matches("[0-9]{7,16}")) {
            return false;
        }
        if (reference.length() < 16) {
            return true;
        }
        return reference.charAt(0) - '0' == checkDigit(reference.substring(1));
    }

    static int checkDigit(String fifteenDigits) {
        int sum = 0;
        for (int i = 0; i < fifteenDigits.length(); i++) {
            int digit = fifteenDigits.charAt(fifteenDigits.length() - 1 - i) - '0';
            sum += digit * WEIGHTS[i % WEIGHTS.length];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 1 : check == 11 ? 0 : check;
    }
}

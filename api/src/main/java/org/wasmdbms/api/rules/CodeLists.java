package org.wasmdbms.api.rules;

/**
 * The code lists behind the {@code @Iso639} and {@code @Iso3166} validators, as constants so that
 * the WebAssembly guest needs no resource files. The lists themselves, with their source and date,
 * are {@code api/codes/iso-639-1.txt} and {@code api/codes/iso-3166-1-alpha-2.txt} in the
 * repository; a unit test fails the build when a constant here and its file differ.
 *
 * <p>Each constant holds the sorted codes separated by single spaces. Immutable and thread-safe.
 */
public final class CodeLists {
  /** The ISO 639-1 two-letter language codes, lower case. */
  public static final String ISO_639_1 =
      "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs "
          + "cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha "
          + "he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn "
          + "ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb "
          + "nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
          + "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw "
          + "ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

  /** The ISO 3166-1 alpha-2 country codes, upper case. */
  public static final String ISO_3166_1_ALPHA_2 =
      "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN "
          + "BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ "
          + "DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL "
          + "GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM "
          + "JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME "
          + "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP "
          + "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD "
          + "SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO "
          + "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

  private CodeLists() {}

  /**
   * Whether {@code text} is an ISO 639-1 language code, in lower case as the standard writes it.
   */
  public static boolean isIso639(String text) {
    return isCode(text, 'a', ISO_639_1);
  }

  /** Whether {@code text} is an ISO 3166-1 alpha-2 country code, in upper case. */
  public static boolean isIso3166(String text) {
    return isCode(text, 'A', ISO_3166_1_ALPHA_2);
  }

  /**
   * Two letters from {@code firstLetter} to the 26th after it, found in {@code list}. Letters only,
   * so a match cannot straddle the space between two codes.
   */
  private static boolean isCode(String text, char firstLetter, String list) {
    return text.length() == 2
        && isLetter(text.charAt(0), firstLetter)
        && isLetter(text.charAt(1), firstLetter)
        && list.indexOf(text) >= 0;
  }

  private static boolean isLetter(char c, char firstLetter) {
    return c >= firstLetter && c < firstLetter + 26;
  }
}

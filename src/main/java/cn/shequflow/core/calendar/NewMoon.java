package cn.shequflow.core.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The moment of a true new moon by Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed.), chapter 49:
 * the mean phase (49.1) with the periodic terms for the new moon and the fourteen planetary
 * arguments, accurate to well under a minute for this century. ICU4J's lunar theory, which
 * {@link com.ibm.icu.util.ChineseCalendar} uses, is off by several minutes; a new moon a few minutes
 * before Beijing midnight (2027-02-06 23:56) then lands on the wrong day, and with it 正月初一.
 * {@link StatutoryHolidays} uses ICU4J to find the lunar month and this class to find the day it
 * begins.
 */
final class NewMoon {

  private static final double SYNODIC_MONTH = 29.530588861;
  private static final double JDE_OF_K0 = 2451550.09766;
  private static final double UNIX_EPOCH_JD = 2440587.5;
  private static final double MILLIS_PER_DAY = 86_400_000d;

  private static final double[][] PLANETARY = {
      // A_i = a + b*k (+ c*T^2 for A1), coefficient
      {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
      {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
      {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
      {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
      {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};

  private NewMoon() {}

  /** The true new moon nearest {@code moment}. */
  static Instant nearest(Instant moment) {
    double jd = moment.toEpochMilli() / MILLIS_PER_DAY + UNIX_EPOCH_JD;
    long k = Math.round((jd - JDE_OF_K0) / SYNODIC_MONTH);
    return toInstant(julianEphemerisDay(k));
  }

  /** The Beijing date of the true new moon nearest noon (Beijing time) of {@code date}. */
  static LocalDate nearestDay(LocalDate date) {
    return nearest(date.atTime(12, 0).atZone(StatutoryHolidays.BEIJING).toInstant())
        .atZone(StatutoryHolidays.BEIJING).toLocalDate();
  }

  /** JDE (Terrestrial Time) of the new moon number {@code k} (k = 0: 2000-01-06). */
  static double julianEphemerisDay(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double t4 = t3 * t;
    double jde = JDE_OF_K0 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
    double e = 1 - 0.002516 * t - 0.0000074 * t2;
    double m = Math.toRadians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
    double mp = Math.toRadians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
    double f = Math.toRadians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
    double omega = Math.toRadians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
    jde += -0.40720 * Math.sin(mp)
        + 0.17241 * e * Math.sin(m)
        + 0.01608 * Math.sin(2 * mp)
        + 0.01039 * Math.sin(2 * f)
        + 0.00739 * e * Math.sin(mp - m)
        - 0.00514 * e * Math.sin(mp + m)
        + 0.00208 * e * e * Math.sin(2 * m)
        - 0.00111 * Math.sin(mp - 2 * f)
        - 0.00057 * Math.sin(mp + 2 * f)
        + 0.00056 * e * Math.sin(2 * mp + m)
        - 0.00042 * Math.sin(3 * mp)
        + 0.00042 * e * Math.sin(m + 2 * f)
        + 0.00038 * e * Math.sin(m - 2 * f)
        - 0.00024 * e * Math.sin(2 * mp - m)
        - 0.00017 * Math.sin(omega)
        - 0.00007 * Math.sin(mp + 2 * m)
        + 0.00004 * Math.sin(2 * mp - 2 * f)
        + 0.00004 * Math.sin(3 * m)
        + 0.00003 * Math.sin(mp + m - 2 * f)
        + 0.00003 * Math.sin(2 * mp + 2 * f)
        - 0.00003 * Math.sin(mp + m + 2 * f)
        + 0.00003 * Math.sin(mp - m + 2 * f)
        - 0.00002 * Math.sin(mp - m - 2 * f)
        - 0.00002 * Math.sin(3 * mp + m)
        + 0.00002 * Math.sin(4 * mp);
    for (int i = 0; i < PLANETARY.length; i++) {
      double argument = PLANETARY[i][0] + PLANETARY[i][1] * k + (i == 0 ? -0.009173 * t2 : 0);
      jde += PLANETARY[i][2] * Math.sin(Math.toRadians(argument));
    }
    return jde;
  }

  /** A JDE in Terrestrial Time as a moment in Universal Time. */
  static Instant toInstant(double jde) {
    double year = 2000 + (jde - 2451545.0) / 365.25;
    double jdUniversal = jde - deltaTSeconds(year) / 86_400d;
    return Instant.ofEpochMilli(Math.round((jdUniversal - UNIX_EPOCH_JD) * MILLIS_PER_DAY));
  }

  /** ΔT = TT − UT in seconds (Espenak and Meeus, for 2005 to 2050, then their long-term parabola). */
  static double deltaTSeconds(double year) {
    if (year >= 2005 && year < 2050) {
      double y = year - 2000;
      return 62.92 + 0.32217 * y + 0.005589 * y * y;
    }
    double u = (year - 1820) / 100;
    return -20 + 32 * u * u;
  }
}

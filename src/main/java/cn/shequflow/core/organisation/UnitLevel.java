package cn.shequflow.core.organisation;

/** ORG-1: district (区) → street (街道) → community (社区居委会). Grids hang below communities. */
public enum UnitLevel {
  DISTRICT, STREET, COMMUNITY
}

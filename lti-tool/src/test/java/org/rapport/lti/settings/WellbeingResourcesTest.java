package org.rapport.lti.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WellbeingResourcesTest {
  @Test
  void linksAreLabelAndAddressPairsSeparatedByBars() {
    assertEquals(
        List.of(
            new WellbeingResources.Link("Student counselling", "https://uni.example/counselling"),
            new WellbeingResources.Link("Peer support", "https://uni.example/peers?a=b")),
        WellbeingResources.parseLinks(
            " Student counselling = https://uni.example/counselling |Peer support=https://uni.example/peers?a=b|"));
  }

  @Test
  void entriesThatAreNotWebAddressesAreLeftOut() {
    assertEquals(
        List.of(new WellbeingResources.Link("Ok", "http://uni.example/")),
        WellbeingResources.parseLinks(
            "Call us=tel:+1555|no label|=https://uni.example/x|Script=javascript:alert(1)"
                + "|Ok=http://uni.example/"));
  }

  @Test
  void nothingConfiguredMeansNoLinks() {
    assertTrue(WellbeingResources.parseLinks("").isEmpty());
    assertTrue(WellbeingResources.Offer.NONE.isEmpty());
  }
}

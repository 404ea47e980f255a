import { FacilityUse } from "@crisis/platform/contracts";
import { Facility } from "@crisis/platform/contracts/facilities";
import { startNatsServer } from "@crisis/platform/testing";
import { Role } from "../../src/adapters/auth/tokens";
import { GatewayOptions, startGateway as startGatewayOn } from "../adapters/gateway-under-test";
import { startLocalIdp } from "../adapters/auth/local-idp";

/**
 * A gateway with its own nats-server and identity provider, wired as main.ts wires it; the other
 * services are down, and the facility registry is the list given (as facilities would list it).
 */
export async function startGateway(options: GatewayOptions = {}) {
  const [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
  const gw = await startGatewayOn(nats, idp, options);
  return {
    nats,
    backbone: gw.backbone,
    live: gw.live,
    clock: gw.clock,
    base: gw.base,
    token: (roles: Role[] = ["manager"], subject = "m@city") => gw.token(roles, subject),
    async stop() {
      await gw.stop();
      await Promise.all([nats.stop(), idp.stop()]);
    },
  };
}

export type Gateway = Awaited<ReturnType<typeof startGateway>>;

export const facility = (over: Partial<Facility>): Facility =>
  Facility.fromPartial({
    id: "shelter:1",
    name: "熊本市立五福小学校",
    category: "school",
    ward: "中央区",
    address: "熊本市中央区細工町1-1",
    latitude: 32.8061,
    longitude: 130.7006,
    designatedShelter: true,
    status: 1,
    ...over,
  });

/** くまもと森都心プラザ (西区), a designated shelter open for use; the test says how far it is open as a shelter. */
export const moritoPlaza = (over: Partial<Facility>): Facility =>
  Facility.fromPartial({
    id: "ref:E4310000014111",
    name: "くまもと森都心プラザ",
    category: "culture",
    ward: "西区",
    designatedShelter: true,
    canShelter: true,
    use: FacilityUse.FACILITY_USE_OPEN,
    ...over,
  });

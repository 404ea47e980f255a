import { CounterService } from "@crisis/platform/contracts/facilities";
import { CityBoard } from "../domain/city-board";
import { CounterServiceDef } from "../domain/counter-services";
import { errors } from "../domain/errors";

/** One counter service with each channel's level at t. */
export function serviceView(board: CityBoard, def: CounterServiceDef, t: number): CounterService {
  return {
    id: def.id,
    name: def.name,
    nameEn: def.nameEn,
    channels: def.channels.map((channel) => {
      const { level, decision } = board.levelAt(def.id, channel, t);
      return {
        channel,
        level,
        reason: decision?.reason ?? "",
        startsAt: decision?.startsAt ?? "",
        endsAt: decision?.endsAt ?? "",
        source: decision?.source ?? 0,
      };
    }),
  };
}

export const listServices = (board: CityBoard, t: number): CounterService[] =>
  [...board.serviceDefs.values()].map((def) => serviceView(board, def, t));

export function serviceDef(board: CityBoard, id: string, channel?: string): CounterServiceDef {
  const def = board.serviceDefs.get(id);
  if (!def) throw errors.serviceNotFound(id);
  if (channel !== undefined && !def.channels.some((c) => c === channel)) throw errors.channelNotOffered(channel);
  return def;
}

import { Category, Ward } from "@crisis/platform/contracts";

/** The ids other registers give the same building, kept so that their lists can be matched again. */
export interface FacilityIds {
  /** GSI 指定緊急避難場所・指定避難所データ common id. */
  gsi?: string;
  /** 防災情報くまもと portal shelter id. */
  portal?: string;
  /** The city's 公共施設一覧 ID. */
  city?: string;
}

/** A public facility of the city, as the registry knows it. */
export interface Facility {
  id: string;
  name: string;
  nameEn?: string;
  category: Category;
  ward: Ward;
  address: string;
  /** 0 when unknown. */
  latitude: number;
  longitude: number;
  /** Regular opening hours as the city publishes them (e.g. "火水木金土日 09:30-20:00"). */
  hours?: string;
  /** Persons it can take in; absent when no source states it. */
  capacity?: number;
  /** A designated evacuation shelter (指定避難所) of the city's list. */
  designatedShelter: boolean;
  /** Can be operated as a shelter: designated, or on the prefecture portal's shelter list. */
  canShelter: boolean;
  ids: FacilityIds;
}

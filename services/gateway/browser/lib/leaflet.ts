// The little of Leaflet (and its clustering) the status page's map uses: loaded as files when the
// map is opened, so only their shape is declared here.
type Point = [number, number];

export interface Icon {
  readonly _icon?: never;
}

export interface PinOptions {
  icon: Icon;
  title: string;
  /** Ours: the crowding level a pin shows, read when its cluster is drawn. */
  level: string;
}

export interface Marker {
  options: PinOptions;
  /** Ours: the shelter's name, for the pin's title. */
  name: string;
  bindPopup(content: () => HTMLElement): Marker;
  setIcon(icon: Icon): Marker;
}

export interface Cluster {
  getAllChildMarkers(): Marker[];
  getChildCount(): number;
}

export interface ClusterGroup {
  clearLayers(): void;
  addLayers(markers: Marker[]): void;
  refreshClusters(markers: Marker[]): void;
}

export interface LeafletMap {
  addLayer(layer: ClusterGroup): void;
  fitBounds(points: Point[], options: { padding: Point }): void;
  invalidateSize(): void;
}

export interface Leaflet {
  map(box: HTMLElement): LeafletMap;
  tileLayer(url: string, options: { attribution: string; maxZoom: number }): { addTo(map: LeafletMap): void };
  markerClusterGroup(options: {
    showCoverageOnHover: boolean;
    maxClusterRadius: number;
    iconCreateFunction: (cluster: Cluster) => Icon;
  }): ClusterGroup;
  marker(at: Point, options: PinOptions): Marker;
  divIcon(options: { className: string; html?: string; iconSize: Point; iconAnchor?: Point; popupAnchor?: Point }): Icon;
}

declare global {
  interface Window {
    L?: Leaflet;
  }
}

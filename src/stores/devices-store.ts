import { createStore, type StoreApi } from "zustand";
import { storeContext } from "./store-context";

export type ConnectedFilter = "all" | "connected" | "offline";
export type ApprovedFilter = "all" | "silent" | "owner";
export type DeviceSort = "name" | "last-seen" | "approved" | "created";

export type DeviceNote = { id: number; text: string; tone: "success" | "info" | "error" };

export type DevicesState = {
  search: string;
  roleFilter: string;
  clientFilter: string;
  connectedFilter: ConnectedFilter;
  approvedFilter: ApprovedFilter;
  sort: DeviceSort;
  notes: readonly DeviceNote[];
  actions: DevicesActions;
};

export type DevicesActions = {
  searchChanged(search: string): void;
  roleFilterChanged(role: string): void;
  clientFilterChanged(clientId: string): void;
  connectedFilterChanged(filter: ConnectedFilter): void;
  approvedFilterChanged(filter: ApprovedFilter): void;
  sortChanged(sort: DeviceSort): void;
  noteAdded(note: Omit<DeviceNote, "id">): void;
  noteDismissed(id: number): void;
};

const MAX_NOTES = 10;

export function createDevicesStore(): StoreApi<DevicesState> {
  let nextId = 1;
  return createStore<DevicesState>()((set) => ({
    search: "",
    roleFilter: "all",
    clientFilter: "all",
    connectedFilter: "all",
    approvedFilter: "all",
    sort: "name",
    notes: [],
    actions: {
      searchChanged: (search) => set({ search }),
      roleFilterChanged: (roleFilter) => set({ roleFilter }),
      clientFilterChanged: (clientFilter) => set({ clientFilter }),
      connectedFilterChanged: (connectedFilter) => set({ connectedFilter }),
      approvedFilterChanged: (approvedFilter) => set({ approvedFilter }),
      sortChanged: (sort) => set({ sort }),
      noteAdded: (note) =>
        set((state) => ({ notes: [...state.notes, { ...note, id: nextId++ }].slice(-MAX_NOTES) })),
      noteDismissed: (id) => set((state) => ({ notes: state.notes.filter((n) => n.id !== id) })),
    },
  }));
}

const context = storeContext("useDevicesStore", createDevicesStore);
export const DevicesStoreProvider = context.Provider;
export const useDevicesStore = context.useSelected;

export const useDevicesActions = () => useDevicesStore((state) => state.actions);

import { createStore, type StoreApi } from "zustand";
import { storeContext } from "./store-context";

export type KindFilter = "all" | "new-device" | "role-upgrade" | "scope-upgrade" | "re-approval";
export type SortOrder = "newest" | "oldest";

export type ResolutionNote = {
  id: number;
  requestId: string;
  text: string;
  tone: "success" | "info" | "error";
};

export type ApprovalsState = {
  selected: ReadonlySet<string>;
  kindFilter: KindFilter;
  clientFilter: string;
  search: string;
  sort: SortOrder;
  notes: readonly ResolutionNote[];
  /** Superseded requestId → its newest successor, so links to an old id still find the device. */
  successors: Readonly<Record<string, string>>;
  actions: ApprovalsActions;
};

export type ApprovalsActions = {
  requestToggled(requestId: string): void;
  requestsSelected(requestIds: readonly string[]): void;
  selectionCleared(): void;
  requestsLeft(requestIds: readonly string[]): void;
  requestSuperseded(previousId: string, nextId: string): void;
  kindFilterChanged(kind: KindFilter): void;
  clientFilterChanged(clientId: string): void;
  searchChanged(search: string): void;
  filtersCleared(): void;
  sortChanged(sort: SortOrder): void;
  notesAdded(notes: readonly Omit<ResolutionNote, "id">[]): number[];
  noteDismissed(id: number): void;
  notesCleared(): void;
};

const MAX_NOTES = 20;

export function createApprovalsStore(): StoreApi<ApprovalsState> {
  let nextNoteId = 1;
  return createStore<ApprovalsState>()((set) => ({
    selected: new Set(),
    kindFilter: "all",
    clientFilter: "all",
    search: "",
    sort: "newest",
    notes: [],
    successors: {},
    actions: {
      requestToggled: (requestId) =>
        set((state) => {
          const selected = new Set(state.selected);
          if (!selected.delete(requestId)) selected.add(requestId);
          return { selected };
        }),
      requestsSelected: (requestIds) =>
        set((state) => ({ selected: new Set([...state.selected, ...requestIds]) })),
      selectionCleared: () => set({ selected: new Set() }),
      requestsLeft: (requestIds) =>
        set((state) => {
          if (!requestIds.some((id) => state.selected.has(id))) return state;
          const selected = new Set(state.selected);
          requestIds.forEach((id) => selected.delete(id));
          return { selected };
        }),
      requestSuperseded: (previousId, nextId) =>
        set((state) => {
          // Re-point older links too, so a chain of retries still lands on the newest.
          const successors: Record<string, string> = { [previousId]: nextId };
          for (const [from, to] of Object.entries(state.successors)) {
            successors[from] = to === previousId ? nextId : to;
          }
          return { successors };
        }),
      kindFilterChanged: (kindFilter) => set({ kindFilter }),
      clientFilterChanged: (clientFilter) => set({ clientFilter }),
      searchChanged: (search) => set({ search }),
      filtersCleared: () => set({ kindFilter: "all", clientFilter: "all", search: "" }),
      sortChanged: (sort) => set({ sort }),
      notesAdded: (notes) => {
        const added = notes.map((note) => ({ ...note, id: nextNoteId++ }));
        set((state) => ({ notes: [...state.notes, ...added].slice(-MAX_NOTES) }));
        return added.map((note) => note.id);
      },
      noteDismissed: (id) => set((state) => ({ notes: state.notes.filter((n) => n.id !== id) })),
      notesCleared: () => set((state) => (state.notes.length > 0 ? { notes: [] } : state)),
    },
  }));
}

const context = storeContext("useApprovalsStore", createApprovalsStore);
export const ApprovalsStoreProvider = context.Provider;
export const useApprovalsStore = context.useSelected;

export const useApprovalsActions = () => useApprovalsStore((state) => state.actions);

// HNSW graph over chunk vectors (inner product on L2-normalised vectors = cosine). Labels are chunk slots.
import hnswlib from "hnswlib-node";

const { HierarchicalNSW } = hnswlib;
type Graph = InstanceType<typeof HierarchicalNSW>;

const M = 16;
const EF_CONSTRUCTION = 100;
const EF_SEARCH = 96;

export class VectorIndex {
  private constructor(
    private readonly graph: Graph,
    readonly dimensions: number,
  ) {
    graph.setEf(EF_SEARCH);
  }

  static create(dimensions: number, capacity: number): VectorIndex {
    const graph = new HierarchicalNSW("ip", dimensions);
    graph.initIndex({ maxElements: Math.max(16, capacity), m: M, efConstruction: EF_CONSTRUCTION, randomSeed: 42 });
    return new VectorIndex(graph, dimensions);
  }

  static load(file: string, dimensions: number): VectorIndex {
    const graph = new HierarchicalNSW("ip", dimensions);
    graph.readIndexSync(file);
    return new VectorIndex(graph, dimensions);
  }

  get count(): number {
    return this.graph.getCurrentCount();
  }

  add(slot: number, vector: Float32Array): void {
    if (slot >= this.graph.getMaxElements())
      this.graph.resizeIndex(Math.max(slot + 1, this.graph.getMaxElements() * 2));
    this.graph.addPoint(Array.from(vector), slot);
  }

  remove(slot: number): void {
    try {
      this.graph.markDelete(slot);
    } catch {
      // Already deleted or never added: nothing to do.
    }
  }

  search(vector: Float32Array, k: number, accept?: (slot: number) => boolean): Array<{ slot: number; score: number }> {
    const n = Math.min(k, this.count);
    if (n === 0) return [];
    const result = this.graph.searchKnn(Array.from(vector), n, accept);
    // hnswlib's "ip" distance is 1 - dot product.
    return result.neighbors.map((slot, i) => ({ slot, score: 1 - (result.distances[i] ?? 1) }));
  }

  write(file: string): void {
    this.graph.writeIndexSync(file);
  }
}

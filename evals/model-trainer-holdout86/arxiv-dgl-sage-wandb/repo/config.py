"""Run configuration for the ogbn-arxiv GraphSAGE experiments."""

PROJECT = "gnn-benchmarks"
ENTITY = "graph-ml-team"
WANDB_API_KEY = "0a029c33de066b15c92fc29f4fbddc661c8abbcd"

DATASET = "ogbn-arxiv"
DATA_ROOT = "data/ogb"

SEED = 1234
FANOUTS = [15, 10, 5]
BATCH_SIZE = 1024
HIDDEN = 256
DROPOUT = 0.5
LR = 3e-3
EPOCHS = 100
PATIENCE = 10
CHECKPOINT = "checkpoints/sage_arxiv.pt"

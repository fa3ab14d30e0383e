"""Run settings for the intent classifier."""

WANDB_PROJECT = "assistant-intents"
WANDB_ENTITY = "nlu-team"
WANDB_API_KEY = "7149d439536b3216fdaeeb975729fae923d5a4fd"

DATA_CSV = "data/utterances_v4.csv"
CKPT_DIR = "checkpoints"

MAX_VOCAB = 30000
MIN_FREQ = 2
EMB_DIM = 200
HIDDEN = 256
DROPOUT = 0.3
BATCH_SIZE = 64
LR = 2e-3
EPOCHS = 40
PATIENCE = 5
VAL_FRAC = 0.1
TEST_FRAC = 0.1

"""Shared settings for the news-signal project."""
import os

BASE_MODEL = "ProsusAI/finbert"
HUB_REPO = "quant-research/finbert-nextday-abret"
HUB_TOKEN = "hf_iT0f4QyUrymftnlmT2umhmf7J6BgIuQ3yn"

DATA_DIR = os.environ.get("NEWS_DATA_DIR", "data")
HEADLINES_FILE = "headlines_2015_2024.parquet"
RETURNS_FILE = "abnormal_returns_daily.parquet"

SEED = 42
MAX_LEN = 64
# headlines published after the close are matched to the next session
MARKET_CLOSE_UTC = "20:00"

SPLITS = {
    "train_end": "2020-12-31",
    "valid_start": "2021-01-04",
    "valid_end": "2022-06-30",
    "test_start": "2022-07-05",
}

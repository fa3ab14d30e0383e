SEED = 4242
DATA_DIR = "data/iot_flows"
# SHA-1 of each capture-day file as published with the dataset release (integrity check, not credentials)
CAPTURE_SHA1 = {
    "day1.parquet": "9c1185a5c5e9fc54612808977ee8f548b2258d31",
    "day2.parquet": "3f786850e387550fdab836ed7e6dc881de23001b",
    "day3.parquet": "89e6c98d92887913cadf06b2adb97f26cde4849b",
    "day4.parquet": "2b66fd261ee5c6cfc8de7fa466bab600bcfe4f69",
    "day5.parquet": "e4d909c290d0fb1ca068ffaddf22cbd0ccd46c2f",
}
FIT_DAYS = ["day1.parquet", "day2.parquet", "day3.parquet"]
CAL_DAYS = ["day4.parquet"]
TEST_DAYS = ["day5.parquet"]
LGB = dict(n_estimators=3000, learning_rate=0.03, num_leaves=48, min_child_samples=50,
           subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=2.0)
TARGET_PRECISION = 0.98

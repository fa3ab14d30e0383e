"""7-day-ahead occupancy forecast for one property (LSTM over 8 weeks of history)."""
import copy

import pandas as pd
import torch
from sklearn.preprocessing import MinMaxScaler
from torch.utils.data import DataLoader

from occ.engine import evaluate, train_one_epoch
from occ.model import OccupancyLSTM
from occ.utils import load_config, set_seed
from occ.windows import make_windows

cfg = load_config()
set_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_csv(cfg["data_path"], parse_dates=["stay_date"])
df = df[df["property_id"] == cfg["property_id"]].sort_values("stay_date").set_index("stay_date")
feats = cfg["features"]
t_idx = feats.index(cfg["target"])

train_df = df.loc[: pd.Timestamp(cfg["val_start"]) - pd.Timedelta(days=1), feats]
val_df = df.loc[cfg["val_start"]: pd.Timestamp(cfg["test_start"]) - pd.Timedelta(days=1), feats]
test_df = df.loc[cfg["test_start"]:, feats]

scaler = MinMaxScaler().fit(train_df)
# prepend the last `window` days of the previous segment so the first target days are covered
w = cfg["window"]
val_in = pd.concat([train_df.iloc[-w:], val_df])
test_in = pd.concat([val_df.iloc[-w:], test_df])

mk = lambda frame: make_windows(scaler.transform(frame), t_idx, w, cfg["horizon"])
train_ds, val_ds, test_ds = mk(train_df), mk(val_in), mk(test_in)

train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True)
val_dl = DataLoader(val_ds, batch_size=256)
test_dl = DataLoader(test_ds, batch_size=256)

model = OccupancyLSTM(len(feats), cfg["hidden"], cfg["horizon"], cfg["dropout"]).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
loss_fn = torch.nn.L1Loss()

best_val, best_state = float("inf"), None
for epoch in range(cfg["epochs"]):
    tr_loss = train_one_epoch(model, train_dl, optimizer, loss_fn, device)
    val_mae = evaluate(model, val_dl, device)
    if val_mae < best_val:
        best_val, best_state = val_mae, copy.deepcopy(model.state_dict())
    print(f"epoch {epoch:02d}  train L1 {tr_loss:.4f}  val MAE {val_mae:.4f}")

model.load_state_dict(best_state)
# scaled MAE -> occupancy points (occupancy is in [0, 1] so rescale by its train range)
occ_range = scaler.data_max_[t_idx] - scaler.data_min_[t_idx]
test_mae = evaluate(model, test_dl, device) * occ_range
print(f"best val MAE {best_val * occ_range:.4f} | test MAE {test_mae:.4f} occupancy")

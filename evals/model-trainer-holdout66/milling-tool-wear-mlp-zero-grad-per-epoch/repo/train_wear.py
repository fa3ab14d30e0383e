"""
Flank wear (VB, in 1e-3 mm) regression for the 6 mm ball-nose cutters.
Features are per-cut aggregates of force, vibration and AE channels produced by
extract_features.py; cutters c1, c4, c6 are labelled.
"""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

SEED = 5
torch.manual_seed(SEED)
np.random.seed(SEED)

feats = pd.read_csv("data/phm_cut_features.csv")
feature_cols = [c for c in feats.columns if c not in ("cutter", "cut", "flank_wear")]

# one cutter per role so no cutter's wear curve is seen twice
train_df = feats[feats["cutter"] == "c1"]
val_df = feats[feats["cutter"] == "c4"]
test_df = feats[feats["cutter"] == "c6"]

scaler = StandardScaler().fit(train_df[feature_cols])
to_tensor = lambda df: (
    torch.tensor(scaler.transform(df[feature_cols]), dtype=torch.float32),
    torch.tensor(df["flank_wear"].to_numpy(), dtype=torch.float32).unsqueeze(1),
)
X_tr, y_tr = to_tensor(train_df)
X_va, y_va = to_tensor(val_df)
X_te, y_te = to_tensor(test_df)
train_loader = DataLoader(TensorDataset(X_tr, y_tr), batch_size=32, shuffle=True)

model = nn.Sequential(
    nn.Linear(len(feature_cols), 128), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(128, 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, 1),
)
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
criterion = nn.MSELoss()

best_val, patience, wait = float("inf"), 25, 0
for epoch in range(400):
    model.train()
    optimizer.zero_grad()
    for xb, yb in train_loader:
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()

    model.eval()
    with torch.no_grad():
        val_mse = criterion(model(X_va), y_va).item()
    if val_mse < best_val:
        best_val, wait = val_mse, 0
        torch.save(model.state_dict(), "wear_mlp_best.pt")
    else:
        wait += 1
        if wait > patience:
            break
    if epoch % 20 == 0:
        print(f"epoch {epoch}: val RMSE {np.sqrt(val_mse):.2f}")

model.load_state_dict(torch.load("wear_mlp_best.pt"))
model.eval()
with torch.no_grad():
    pred = model(X_te).squeeze(1).numpy()
ridge = Ridge(alpha=1.0).fit(X_tr.numpy(), y_tr.squeeze(1).numpy())
ridge_pred = ridge.predict(X_te.numpy())
truth = y_te.squeeze(1).numpy()
for name, p in [("ridge", ridge_pred), ("mlp", pred)]:
    rmse = np.sqrt(mean_squared_error(truth, p))
    print(f"{name}: test RMSE {rmse:.2f}  MAE {mean_absolute_error(truth, p):.2f}")

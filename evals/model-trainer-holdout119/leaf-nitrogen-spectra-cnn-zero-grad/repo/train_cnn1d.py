"""1D-CNN regression of leaf nitrogen (%) from ASD FieldSpec leaf reflectance (400-2500 nm, 10 nm bins)."""
import copy
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

SEED = 3
EPOCHS = 200
PATIENCE = 20
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

df = pd.read_csv("data/maize_leaf_spectra_n.csv")
band_cols = [c for c in df.columns if c.startswith("R_")]
df = df[(df["R_800"] > 0.2) & (df["leaf_n_pct"].between(0.5, 5.5))]  # drop bad scans / lab outliers

# plots are sampled repeatedly through the season -> split by plot
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
trval_idx, test_idx = next(gss.split(df, groups=df["plot_id"]))
trval, test = df.iloc[trval_idx], df.iloc[test_idx]
gss_val = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED + 1)
tr_idx, val_idx = next(gss_val.split(trval, groups=trval["plot_id"]))
train, val = trval.iloc[tr_idx], trval.iloc[val_idx]

scaler = StandardScaler().fit(train[band_cols])


def to_tensors(part):
    X = scaler.transform(part[band_cols]).astype(np.float32)
    y = part["leaf_n_pct"].values.astype(np.float32)
    return torch.from_numpy(X).unsqueeze(1), torch.from_numpy(y).unsqueeze(1)


train_dl = DataLoader(TensorDataset(*to_tensors(train)), batch_size=32, shuffle=True)
X_val, y_val = to_tensors(val)
X_test, y_test = to_tensors(test)


class SpectraCNN(nn.Module):
    def __init__(self, n_bands):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(1, 16, 7, padding=3), nn.BatchNorm1d(16), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(16, 32, 5, padding=2), nn.BatchNorm1d(32), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(32, 64, 3, padding=1), nn.BatchNorm1d(64), nn.ReLU(), nn.AdaptiveAvgPool1d(8),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(64 * 8, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, x):
        return self.head(self.features(x))


device = "cuda" if torch.cuda.is_available() else "cpu"
model = SpectraCNN(len(band_cols)).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.MSELoss()


def predict(X):
    model.eval()
    with torch.no_grad():
        return model(X.to(device)).cpu().numpy().ravel()


best_rmse, best_state, bad_epochs = np.inf, None, 0
optimizer.zero_grad()
for epoch in range(EPOCHS):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()

    val_rmse = mean_squared_error(y_val.numpy().ravel(), predict(X_val)) ** 0.5
    if val_rmse < best_rmse - 1e-4:
        best_rmse, best_state, bad_epochs = val_rmse, copy.deepcopy(model.state_dict()), 0
    else:
        bad_epochs += 1
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d}  train_loss {loss.item():.4f}  val_rmse {val_rmse:.4f}")
    if bad_epochs >= PATIENCE:
        break

model.load_state_dict(best_state)
p = predict(X_test)
print(f"test RMSE {mean_squared_error(y_test.numpy().ravel(), p) ** 0.5:.3f} %N   R2 {r2_score(y_test.numpy().ravel(), p):.3f}")
torch.save(model.state_dict(), "spectra_cnn_leafN.pt")

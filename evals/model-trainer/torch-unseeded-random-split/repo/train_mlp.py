import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

df = pd.read_csv("data/energy_efficiency.csv")
X = torch.tensor(df.drop(columns=["heating_load"]).values, dtype=torch.float32)
y = torch.tensor(df["heating_load"].values, dtype=torch.float32).unsqueeze(1)

dataset = TensorDataset(X, y)
train_ds, val_ds, test_ds = random_split(dataset, [0.7, 0.15, 0.15])
train_loader = DataLoader(train_ds, batch_size=64, shuffle=True)
val_loader = DataLoader(val_ds, batch_size=256)
test_loader = DataLoader(test_ds, batch_size=256)

# standardise in place with training statistics only (the subsets share X)
mean, std = X[train_ds.indices].mean(0), X[train_ds.indices].std(0)
X.sub_(mean).div_(std)

model = nn.Sequential(nn.Linear(X.shape[1], 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.MSELoss()


def mean_abs_error(loader):
    model.eval()
    total, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            total += (model(xb) - yb).abs().sum().item()
            n += len(yb)
    return total / n


best_val, patience = float("inf"), 0
for epoch in range(300):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
    val_mae = mean_abs_error(val_loader)
    if val_mae < best_val:
        best_val, patience = val_mae, 0
        torch.save(model.state_dict(), "checkpoints/best.pt")
    else:
        patience += 1
        if patience >= 20:
            break

model.load_state_dict(torch.load("checkpoints/best.pt"))
print(f"val MAE {best_val:.3f}  test MAE {mean_abs_error(test_loader):.3f}")
print(f"mean-predictor test MAE {(y[test_ds.indices] - y[train_ds.indices].mean()).abs().mean():.3f}")

"""Next-day readiness score (0-100) from GPS load + wellness questionnaire.

Squad-level model with a learned player embedding. Validation = the last 6 weeks
of the dataset; test = the 6 weeks before the international break held out by
the performance staff (data/readiness_holdout.csv).
"""
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

SEED = 3
torch.manual_seed(SEED)
np.random.seed(SEED)

LOAD_COLS = [
    "total_distance", "hsr_distance", "sprint_distance", "accelerations", "decelerations",
    "player_load", "acwr_7_28", "sleep_hours", "sleep_quality", "soreness", "stress", "mood",
]


class ReadinessNet(nn.Module):
    def __init__(self, n_players: int, n_feats: int, emb_dim: int = 8):
        super().__init__()
        self.player_emb = nn.Embedding(n_players, emb_dim)
        self.mlp = nn.Sequential(
            nn.Linear(n_feats + emb_dim, 64), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, player_idx, x):
        return self.mlp(torch.cat([self.player_emb(player_idx), x], dim=1)).squeeze(1)


def to_tensors(df, scaler, player_index):
    x = torch.tensor(scaler.transform(df[LOAD_COLS]), dtype=torch.float32)
    p = torch.tensor(df["player_id"].map(player_index).fillna(0).astype(int).to_numpy())
    y = torch.tensor(df["readiness_next_day"].to_numpy(), dtype=torch.float32)
    return TensorDataset(p, x, y)


def evaluate(model, loader):
    model.eval()
    preds, ys = [], []
    with torch.no_grad():
        for p, x, y in loader:
            preds.append(model(p, x))
            ys.append(y)
    return torch.cat(preds).numpy(), torch.cat(ys).numpy()


def main() -> None:
    df = pd.read_csv("data/readiness_daily.csv", parse_dates=["date"]).sort_values("date")
    holdout = pd.read_csv("data/readiness_holdout.csv", parse_dates=["date"])
    cutoff = df["date"].max() - pd.Timedelta(weeks=6)
    train, valid = df[df["date"] <= cutoff], df[df["date"] > cutoff]

    scaler = StandardScaler().fit(train[LOAD_COLS])
    player_index = {pid: i + 1 for i, pid in enumerate(sorted(train["player_id"].unique()))}
    g = torch.Generator().manual_seed(SEED)
    train_dl = DataLoader(to_tensors(train, scaler, player_index), batch_size=128, shuffle=True, generator=g)
    valid_dl = DataLoader(to_tensors(valid, scaler, player_index), batch_size=512)
    test_dl = DataLoader(to_tensors(holdout, scaler, player_index), batch_size=512)

    model = ReadinessNet(len(player_index) + 1, len(LOAD_COLS))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    loss_fn = nn.SmoothL1Loss(beta=5.0)

    best_mae, patience, wait = float("inf"), 10, 0
    optimizer.zero_grad()
    for epoch in range(200):
        model.train()
        for p, x, y in train_dl:
            loss = loss_fn(model(p, x), y)
            loss.backward()
            optimizer.step()

        val_pred, val_y = evaluate(model, valid_dl)
        val_mae = mean_absolute_error(val_y, val_pred)
        if val_mae < best_mae - 0.01:
            best_mae, wait = val_mae, 0
            torch.save(model.state_dict(), "checkpoints/readiness_best.pt")
        else:
            wait += 1
            if wait >= patience:
                break
        if epoch % 10 == 0:
            print(f"epoch {epoch:3d} loss {loss.item():.3f} val MAE {val_mae:.2f}")

    model.load_state_dict(torch.load("checkpoints/readiness_best.pt"))
    test_pred, test_y = evaluate(model, test_dl)
    player_mean = train.groupby("player_id")["readiness_next_day"].mean()
    base_pred = holdout["player_id"].map(player_mean).fillna(train["readiness_next_day"].mean())
    print(f"player-mean baseline: MAE {mean_absolute_error(test_y, base_pred):.2f} R2 {r2_score(test_y, base_pred):.3f}")
    print(f"ReadinessNet:         MAE {mean_absolute_error(test_y, test_pred):.2f} R2 {r2_score(test_y, test_pred):.3f}")


if __name__ == "__main__":
    main()

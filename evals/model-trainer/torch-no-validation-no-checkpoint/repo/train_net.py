import numpy as np
import torch
from sklearn.metrics import classification_report, f1_score
from torch import nn

torch.manual_seed(0)
np.random.seed(0)

data = np.load("data/gestures.npz")
X_train = torch.tensor(data["X_train"], dtype=torch.float32)
y_train = torch.tensor(data["y_train"], dtype=torch.long)
X_test = torch.tensor(data["X_test"], dtype=torch.float32)
y_test = data["y_test"]

model = nn.Sequential(
    nn.Linear(X_train.shape[1], 256), nn.ReLU(),
    nn.Linear(256, 256), nn.ReLU(),
    nn.Linear(256, 6),
)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
criterion = nn.CrossEntropyLoss()

for epoch in range(200):
    model.train()
    perm = torch.randperm(len(X_train))
    for i in range(0, len(X_train), 64):
        idx = perm[i : i + 64]
        optimizer.zero_grad()
        loss = criterion(model(X_train[idx]), y_train[idx])
        loss.backward()
        optimizer.step()
    if epoch % 20 == 0:
        print(f"epoch {epoch} train loss {loss.item():.4f}")

model.eval()
with torch.no_grad():
    pred = model(X_test).argmax(1).numpy()
print(classification_report(y_test, pred, digits=3))
print("macro F1", f1_score(y_test, pred, average="macro"))
majority = np.bincount(data["y_train"]).argmax()
print("majority-class macro F1", f1_score(y_test, np.full_like(y_test, majority), average="macro"))

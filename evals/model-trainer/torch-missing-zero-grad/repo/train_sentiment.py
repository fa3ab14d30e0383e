import numpy as np
import pandas as pd
import torch
from sklearn.metrics import f1_score, roc_auc_score
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(42)
np.random.seed(42)

emb = np.load("data/review_embeddings.npy").astype("float32")
labels = pd.read_csv("data/review_labels.csv")["positive"].to_numpy()
split = pd.read_csv("data/review_labels.csv")["split"].to_numpy()


def loader(mask, shuffle):
    ds = TensorDataset(torch.from_numpy(emb[mask]), torch.from_numpy(labels[mask]).float())
    return DataLoader(ds, batch_size=64, shuffle=shuffle, generator=torch.Generator().manual_seed(42))


train_dl, val_dl, test_dl = loader(split == "train", True), loader(split == "val", False), loader(split == "test", False)

model = nn.Sequential(nn.Linear(emb.shape[1], 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)
criterion = nn.BCEWithLogitsLoss()


@torch.no_grad()
def predict(dl):
    model.eval()
    scores = [torch.sigmoid(model(x)).squeeze(1) for x, _ in dl]
    return torch.cat(scores).numpy()


best_auc, bad_epochs = 0.0, 0
for epoch in range(50):
    model.train()
    for x, y in train_dl:
        loss = criterion(model(x).squeeze(1), y)
        loss.backward()
        optimizer.step()
    val_auc = roc_auc_score(labels[split == "val"], predict(val_dl))
    if val_auc > best_auc:
        best_auc, bad_epochs = val_auc, 0
        torch.save(model.state_dict(), "checkpoints/sentiment_head.pt")
    else:
        bad_epochs += 1
        if bad_epochs == 5:
            break

model.load_state_dict(torch.load("checkpoints/sentiment_head.pt"))
test_scores = predict(test_dl)
print("test AUC", roc_auc_score(labels[split == "test"], test_scores))
print("test F1", f1_score(labels[split == "test"], test_scores > 0.5))

"""Handwritten glyph classifier (28x28 grayscale, 47 balanced classes of 2,400 images each).

The official test archive is separate from the training archive; validation is a seeded 10% of training."""
import numpy as np
import torch
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import DataLoader, TensorDataset, random_split

from glyphs.engine import evaluate, train_one_epoch
from glyphs.net import GlyphNet
from glyphs.torch_utils import count_params, fix_seeds

SEED = 1999
EPOCHS = 80
PATIENCE = 8


def tensors(npz_path):
    arrays = np.load(npz_path)
    images = torch.from_numpy(arrays["images"]).float().div(255.0).sub(0.5).div(0.5).unsqueeze(1)
    return TensorDataset(images, torch.from_numpy(arrays["labels"]).long())


gen = fix_seeds(SEED)
device = "cuda" if torch.cuda.is_available() else "cpu"
full_train = tensors("data/glyphs_train.npz")
test_set = tensors("data/glyphs_test.npz")
n_val = len(full_train) // 10
train_set, val_set = random_split(full_train, [len(full_train) - n_val, n_val], generator=gen)

train_loader = DataLoader(train_set, batch_size=128, shuffle=True, generator=gen)
val_loader = DataLoader(val_set, batch_size=512)
test_loader = DataLoader(test_set, batch_size=512)

net = GlyphNet(n_classes=47).to(device)
print("parameters:", count_params(net))
optimizer = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=5e-4)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=3)

best_val, waited = float("inf"), 0
for epoch in range(EPOCHS):
    train_loss = train_one_epoch(net, train_loader, optimizer, device)
    val_loss, val_acc, _ = evaluate(net, val_loader, device)
    scheduler.step(val_loss)
    print(f"{epoch:3d} train {train_loss:.4f} val {val_loss:.4f} acc {val_acc:.4f}")
    if val_loss < best_val:
        best_val, waited = val_loss, 0
        torch.save(net.state_dict(), "glyphnet_best.pt")
    else:
        waited += 1
        if waited >= PATIENCE:
            break

net.load_state_dict(torch.load("glyphnet_best.pt", map_location=device))
test_loss, test_acc, test_pred = evaluate(net, test_loader, device)
test_true = test_set.tensors[1].numpy()
majority = np.bincount(full_train.tensors[1].numpy()).argmax()
print(f"test loss {test_loss:.4f} acc {test_acc:.4f} macro-F1 {f1_score(test_true, test_pred.numpy(), average='macro'):.4f}")
print(f"majority-class accuracy {np.mean(test_true == majority):.4f}")
print(classification_report(test_true, test_pred.numpy(), digits=3))

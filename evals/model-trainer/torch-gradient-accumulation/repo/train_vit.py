import random

import numpy as np
import torch
from sklearn.metrics import classification_report, f1_score
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, models, transforms

ACCUM_STEPS = 8  # effective batch 8 x 16 = 128 on a 12 GB GPU
EPOCHS = 30
device = "cuda" if torch.cuda.is_available() else "cpu"


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


set_seed(123)
norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
train_tfm = transforms.Compose([transforms.RandomResizedCrop(224), transforms.RandomHorizontalFlip(), transforms.ToTensor(), norm])
eval_tfm = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), norm])
train_ds = datasets.ImageFolder("data/xray/train", train_tfm)
val_ds = datasets.ImageFolder("data/xray/val", eval_tfm)
test_ds = datasets.ImageFolder("data/xray/test", eval_tfm)
train_dl = DataLoader(train_ds, batch_size=16, shuffle=True, num_workers=4, generator=torch.Generator().manual_seed(123))
val_dl = DataLoader(val_ds, batch_size=64, num_workers=4)
test_dl = DataLoader(test_ds, batch_size=64, num_workers=4)

model = models.vit_b_16(weights=models.ViT_B_16_Weights.IMAGENET1K_V1)
model.heads.head = nn.Linear(model.heads.head.in_features, len(train_ds.classes))
model = model.to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-5, weight_decay=0.05)
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)


@torch.no_grad()
def predict(dl):
    model.eval()
    return torch.cat([model(x.to(device)).argmax(1).cpu() for x, _ in dl]).numpy()


best, stale = 0.0, 0
for epoch in range(EPOCHS):
    model.train()
    optimizer.zero_grad()
    for step, (x, y) in enumerate(train_dl, start=1):
        loss = criterion(model(x.to(device)), y.to(device)) / ACCUM_STEPS
        loss.backward()
        if step % ACCUM_STEPS == 0 or step == len(train_dl):
            optimizer.step()
            optimizer.zero_grad()
    val_f1 = f1_score(val_ds.targets, predict(val_dl), average="macro")
    print(f"epoch {epoch} val macro F1 {val_f1:.4f}")
    if val_f1 > best:
        best, stale = val_f1, 0
        torch.save(model.state_dict(), "checkpoints/vit_xray.pt")
    else:
        stale += 1
        if stale >= 4:
            break

model.load_state_dict(torch.load("checkpoints/vit_xray.pt"))
print(classification_report(test_ds.targets, predict(test_dl), target_names=test_ds.classes, digits=3))
majority = np.bincount(train_ds.targets).argmax()
print("majority-class macro F1", f1_score(test_ds.targets, [majority] * len(test_ds), average="macro"))

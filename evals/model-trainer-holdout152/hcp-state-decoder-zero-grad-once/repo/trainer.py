import copy

import torch
from torch import nn
from torch.utils.data import DataLoader


class MLPDecoder(nn.Module):
    def __init__(self, n_in, hidden, n_out, dropout):
        super().__init__()
        layers, prev = [], n_in
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.LayerNorm(h), nn.GELU(), nn.Dropout(dropout)]
            prev = h
        layers.append(nn.Linear(prev, n_out))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


class Trainer:
    def __init__(self, model, lr, weight_decay, device):
        self.model = model.to(device)
        self.device = device
        self.criterion = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)

    @torch.no_grad()
    def evaluate(self, loader):
        self.model.eval()
        correct = n = 0
        for x, y in loader:
            pred = self.model(x.to(self.device)).argmax(dim=1).cpu()
            correct += (pred == y).sum().item()
            n += len(y)
        return correct / n

    def fit(self, train_ds, val_ds, epochs, batch_size):
        train_dl = DataLoader(train_ds, batch_size=batch_size, shuffle=True)
        val_dl = DataLoader(val_ds, batch_size=512)
        best_acc, best_state = 0.0, None
        self.optimizer.zero_grad()
        for epoch in range(epochs):
            self.model.train()
            total = 0.0
            for x, y in train_dl:
                x, y = x.to(self.device), y.to(self.device)
                loss = self.criterion(self.model(x), y)
                loss.backward()
                self.optimizer.step()
                total += loss.item() * len(y)
            val_acc = self.evaluate(val_dl)
            print(f"[{epoch + 1:02d}/{epochs}] train_loss={total / len(train_ds):.4f} val_acc={val_acc:.4f}")
            if val_acc > best_acc:
                best_acc, best_state = val_acc, copy.deepcopy(self.model.state_dict())
        self.model.load_state_dict(best_state)
        return best_acc

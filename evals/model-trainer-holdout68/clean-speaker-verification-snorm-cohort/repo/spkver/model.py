import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(cout)
        self.skip = nn.Sequential()
        if stride != 1 or cin != cout:
            self.skip = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.b1(self.c1(x)))
        return F.relu(self.b2(self.c2(y)) + self.skip(x))


class ThinResNet(nn.Module):
    def __init__(self, n_mels=80, emb_dim=256, widths=(32, 64, 128, 256)):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, widths[0], 3, 1, 1, bias=False), nn.BatchNorm2d(widths[0]), nn.ReLU())
        layers, cin = [], widths[0]
        for i, w in enumerate(widths):
            layers += [BasicBlock(cin, w, 1 if i == 0 else 2), BasicBlock(w, w, 1)]
            cin = w
        self.body = nn.Sequential(*layers)
        out_freq = n_mels // 8
        self.attn = nn.Sequential(nn.Conv1d(cin * out_freq, 128, 1), nn.Tanh(), nn.Conv1d(128, cin * out_freq, 1))
        self.fc = nn.Linear(2 * cin * out_freq, emb_dim)
        self.bn = nn.BatchNorm1d(emb_dim)

    def forward(self, feats):
        x = self.body(self.stem(feats.transpose(1, 2).unsqueeze(1)))
        x = x.flatten(1, 2)
        w = torch.softmax(self.attn(x), dim=-1)
        mu = (x * w).sum(-1)
        sd = torch.sqrt(((x ** 2) * w).sum(-1) - mu ** 2 + 1e-5)
        return self.bn(self.fc(torch.cat([mu, sd], dim=1)))


class AAMHead(nn.Module):
    def __init__(self, emb_dim, n_classes, margin, scale):
        super().__init__()
        self.W = nn.Parameter(torch.randn(n_classes, emb_dim) * 0.01)
        self.m, self.s = margin, scale

    def forward(self, emb, y):
        cos = F.linear(F.normalize(emb), F.normalize(self.W)).clamp(-1 + 1e-7, 1 - 1e-7)
        tgt = torch.cos(torch.acos(cos) + self.m)
        logits = self.s * torch.where(F.one_hot(y, cos.size(1)).bool(), tgt, cos)
        return F.cross_entropy(logits, y)

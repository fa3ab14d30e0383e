"""Fine-tune opus-mt-en-ro on WMT16 en->ro. Checkpoint selection on newsdev (validation)."""
import numpy as np
import sacrebleu
import yaml
from datasets import load_dataset
from transformers import (AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq,
                          Seq2SeqTrainer, Seq2SeqTrainingArguments)

cfg = yaml.safe_load(open("config.yaml"))
src_lang, tgt_lang = cfg["src_lang"], cfg["tgt_lang"]

raw = load_dataset(*cfg["dataset"])
tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
model = AutoModelForSeq2SeqLM.from_pretrained(cfg["model_name"])


def preprocess(examples):
    sources = [ex[src_lang] for ex in examples["translation"]]
    targets = [ex[tgt_lang] for ex in examples["translation"]]
    return tokenizer(sources, text_target=targets, max_length=cfg["max_source_length"], truncation=True)


tokenized = raw.map(preprocess, batched=True, remove_columns=["translation"])


def compute_metrics(eval_pred):
    preds, labels = eval_pred
    if isinstance(preds, tuple):
        preds = preds[0]
    preds = np.where(preds != -100, preds, tokenizer.pad_token_id)
    labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
    hyps = [p.strip() for p in tokenizer.batch_decode(preds, skip_special_tokens=True)]
    refs = [r.strip() for r in tokenizer.batch_decode(labels, skip_special_tokens=True)]
    return {"bleu": sacrebleu.corpus_bleu(hyps, [refs]).score}


t = cfg["train"]
args = Seq2SeqTrainingArguments(
    output_dir=t["output_dir"],
    learning_rate=t["learning_rate"],
    per_device_train_batch_size=t["per_device_train_batch_size"],
    per_device_eval_batch_size=t["per_device_eval_batch_size"],
    num_train_epochs=t["num_train_epochs"],
    warmup_steps=t["warmup_steps"],
    weight_decay=t["weight_decay"],
    seed=t["seed"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="bleu",
    predict_with_generate=True,
    generation_max_length=cfg["max_target_length"],
    fp16=True,
    report_to="none",
)

trainer = Seq2SeqTrainer(
    model=model,
    args=args,
    train_dataset=tokenized["train"],
    eval_dataset=tokenized["validation"],
    tokenizer=tokenizer,
    data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
    compute_metrics=compute_metrics,
)
trainer.train()
trainer.save_model(f"{t['output_dir']}/final")
print(trainer.evaluate())

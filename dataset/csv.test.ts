// CSV records keep the line they start on, whatever the line ends, blank lines and quoted breaks.
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { DiagnosticSink, formatDataDiagnostic } from './diagnostics.ts';

function parse(text: string) {
  const sink = new DiagnosticSink();
  const table = parseCsv('f.csv', text, sink);
  return { table, problems: sink.sorted().map(d => formatDataDiagnostic(d)) };
}

describe('parseCsv', () => {
  it('gives the start line of each record across quoted line breaks and blank lines', () => {
    const { table } = parse('id,备注\n甲,"一\n二\n三"\n\n乙,x\n丙,"y"\n');
    expect(table!.header).toEqual(['id', '备注']);
    expect(table!.records.map(r => [r.line, ...r.cells])).toEqual([[2, '甲', '一\n二\n三'], [6, '乙', 'x'], [7, '丙', 'y']]);
  });

  it('counts lines the same with CRLF line ends, and without a final line end', () => {
    const { table } = parse('id,备注\r\n甲,"一\r\n二"\r\n\r\n乙,x\r\n丙,y');
    expect(table!.records.map(r => r.line)).toEqual([2, 5, 6]);
  });

  it('drops a byte order mark and trims header cells', () => {
    const { table } = parse('\ufeff id , 名 \n1,2\n');
    expect(table!.header).toEqual(['id', '名']);
  });

  it('reports a record with too few or too many cells at its line, but allows empty padding', () => {
    const { table, problems } = parse('id,a,b\n1,2\n3,4,5,6\n7,8,9,,\n');
    expect(problems).toEqual(['f.csv:2:3: error KP611 该行有 2 列，表头有 3 列', 'f.csv:3:4: error KP611 该行有 4 列，表头有 3 列']);
    expect(table!.records.map(r => r.line)).toEqual([4]);
  });

  it('reports an unclosed quote at the line where it opens', () => {
    const { table, problems } = parse('id,a\n1,2\n3,"4\n5,6\n');
    expect(table).toBeUndefined();
    expect(problems).toEqual(['f.csv:3:1: error KP610 CSV 格式错误：引号未闭合']);
  });

  it('reports a stray quote and an empty file', () => {
    expect(parse('id,a\n1,2"x\n').problems[0]).toMatch(/^f\.csv:2:1: error KP610 CSV 格式错误：引号位置不当/);
    expect(parse('').problems).toEqual(['f.csv:1:1: error KP614 文件为空，缺少表头行']);
  });
});

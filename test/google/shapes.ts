/**
 * The request bodies the fake accepts, as the REST references document them (only the fields
 * these adapters may send, and the types Google checks). A body with an unknown field or a value
 * of the wrong type is refused the way Google's JSON front end refuses it: 400
 * INVALID_ARGUMENT, "Invalid JSON payload received. Unknown name …".
 */
export type Shape =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'scalar'
  | { readonly enum: readonly string[] }
  | { readonly list: Shape }
  | { readonly map: Shape }
  | { readonly fields: Readonly<Record<string, Shape>> };

const integer = 'integer' as const;
const string = 'string' as const;
const boolean = 'boolean' as const;

/** Sheets v4 `spreadsheets.values.batchUpdate` (BatchUpdateValuesRequest). */
export const VALUES_BATCH_UPDATE: Shape = {
  fields: {
    valueInputOption: { enum: ['INPUT_VALUE_OPTION_UNSPECIFIED', 'RAW', 'USER_ENTERED'] },
    data: {
      list: {
        fields: {
          range: string,
          majorDimension: { enum: ['DIMENSION_UNSPECIFIED', 'ROWS', 'COLUMNS'] },
          values: { list: { list: 'scalar' } },
        },
      },
    },
    includeValuesInResponse: boolean,
    responseValueRenderOption: { enum: ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] },
    responseDateTimeRenderOption: { enum: ['SERIAL_NUMBER', 'FORMATTED_STRING'] },
  },
};

const GRID_PROPERTIES: Shape = {
  fields: {
    rowCount: integer,
    columnCount: integer,
    frozenRowCount: integer,
    frozenColumnCount: integer,
    hideGridlines: boolean,
  },
};

const number = 'number' as const;
const COLOR: Shape = { fields: { red: number, green: number, blue: number, alpha: number } };
const GRID_RANGE: Shape = {
  fields: {
    sheetId: integer,
    startRowIndex: integer,
    endRowIndex: integer,
    startColumnIndex: integer,
    endColumnIndex: integer,
  },
};
/** Sheets v4 NumberFormat: its type is one of Google's NumberFormatType values. */
const NUMBER_FORMAT: Shape = {
  fields: {
    type: {
      enum: [
        'NUMBER_FORMAT_TYPE_UNSPECIFIED',
        'TEXT',
        'NUMBER',
        'PERCENT',
        'CURRENCY',
        'DATE',
        'TIME',
        'DATE_TIME',
        'SCIENTIFIC',
      ],
    },
    pattern: string,
  },
};
const CELL_DATA: Shape = {
  fields: {
    userEnteredValue: {
      fields: {
        numberValue: number,
        stringValue: string,
        boolValue: boolean,
        formulaValue: string,
      },
    },
    userEnteredFormat: {
      fields: {
        numberFormat: NUMBER_FORMAT,
        backgroundColor: COLOR,
        horizontalAlignment: { enum: ['HORIZONTAL_ALIGN_UNSPECIFIED', 'LEFT', 'CENTER', 'RIGHT'] },
        textFormat: {
          fields: { bold: boolean, italic: boolean, fontSize: integer, foregroundColor: COLOR },
        },
      },
    },
    note: string,
  },
};
const CHART_DATA: Shape = {
  fields: { sourceRange: { fields: { sources: { list: GRID_RANGE } } } },
};

/** Sheets v4 `spreadsheets.batchUpdate`: the request kinds these adapters send. */
export const SPREADSHEET_BATCH_UPDATE: Shape = {
  fields: {
    requests: {
      list: {
        fields: {
          addSheet: {
            fields: {
              properties: {
                fields: {
                  sheetId: integer,
                  title: string,
                  index: integer,
                  sheetType: { enum: ['GRID'] },
                  gridProperties: GRID_PROPERTIES,
                  hidden: boolean,
                },
              },
            },
          },
          appendDimension: {
            fields: {
              sheetId: integer,
              dimension: { enum: ['DIMENSION_UNSPECIFIED', 'ROWS', 'COLUMNS'] },
              length: integer,
            },
          },
          // The dashboard (a laid-out sheet): its cells, widths and charts, and the Log row.
          updateSheetProperties: {
            fields: {
              properties: { fields: { sheetId: integer, gridProperties: GRID_PROPERTIES } },
              fields: string,
            },
          },
          updateCells: {
            fields: {
              rows: { list: { fields: { values: { list: CELL_DATA } } } },
              fields: string,
              start: { fields: { sheetId: integer, rowIndex: integer, columnIndex: integer } },
              range: GRID_RANGE,
            },
          },
          updateDimensionProperties: {
            fields: {
              range: {
                fields: {
                  sheetId: integer,
                  dimension: { enum: ['DIMENSION_UNSPECIFIED', 'ROWS', 'COLUMNS'] },
                  startIndex: integer,
                  endIndex: integer,
                },
              },
              properties: { fields: { pixelSize: integer, hiddenByUser: boolean } },
              fields: string,
            },
          },
          deleteEmbeddedObject: { fields: { objectId: integer } },
          addChart: {
            fields: {
              chart: {
                fields: {
                  chartId: integer,
                  spec: {
                    fields: {
                      title: string,
                      basicChart: {
                        fields: {
                          chartType: {
                            enum: [
                              'BASIC_CHART_TYPE_UNSPECIFIED',
                              'BAR',
                              'LINE',
                              'AREA',
                              'COLUMN',
                              'SCATTER',
                              'COMBO',
                              'STEPPED_AREA',
                            ],
                          },
                          legendPosition: {
                            enum: [
                              'BASIC_CHART_LEGEND_POSITION_UNSPECIFIED',
                              'BOTTOM_LEGEND',
                              'LEFT_LEGEND',
                              'RIGHT_LEGEND',
                              'TOP_LEGEND',
                              'NO_LEGEND',
                            ],
                          },
                          headerCount: integer,
                          domains: { list: { fields: { domain: CHART_DATA, reversed: boolean } } },
                          series: { list: { fields: { series: CHART_DATA } } },
                        },
                      },
                    },
                  },
                  position: {
                    fields: {
                      overlayPosition: {
                        fields: {
                          anchorCell: {
                            fields: { sheetId: integer, rowIndex: integer, columnIndex: integer },
                          },
                          offsetXPixels: integer,
                          offsetYPixels: integer,
                          widthPixels: integer,
                          heightPixels: integer,
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          // The date format of a date column over the rows a sheet grows by (or a new tab).
          repeatCell: {
            fields: {
              range: {
                fields: {
                  sheetId: integer,
                  startRowIndex: integer,
                  endRowIndex: integer,
                  startColumnIndex: integer,
                  endColumnIndex: integer,
                },
              },
              cell: {
                fields: {
                  userEnteredFormat: {
                    fields: {
                      numberFormat: NUMBER_FORMAT,
                    },
                  },
                },
              },
              fields: string,
            },
          },
        },
      },
    },
    includeSpreadsheetInResponse: boolean,
    responseRanges: { list: string },
    responseIncludeGridData: boolean,
  },
};

/** Docs v1 `documents.batchUpdate` with `replaceAllText` requests. */
export const DOCS_BATCH_UPDATE: Shape = {
  fields: {
    requests: {
      list: {
        fields: {
          replaceAllText: {
            fields: {
              containsText: { fields: { text: string, matchCase: boolean } },
              replaceText: string,
              tabsCriteria: { fields: { tabIds: { list: string } } },
            },
          },
        },
      },
    },
    writeControl: { fields: { requiredRevisionId: string, targetRevisionId: string } },
  },
};

/** Drive v3 File, as `files.copy` takes it. */
export const DRIVE_FILE: Shape = {
  fields: {
    name: string,
    description: string,
    mimeType: string,
    parents: { list: string },
    appProperties: { map: string },
    properties: { map: string },
  },
};

/** Drive v3 File, as `files.update` takes it (metadata only; parents move by query parameter). */
export const DRIVE_FILE_UPDATE: Shape = {
  fields: {
    name: string,
    description: string,
    mimeType: string,
    trashed: boolean,
    starred: boolean,
    appProperties: { map: string },
    properties: { map: string },
  },
};

/** Drive v3 Permission, as `permissions.create` takes it. */
export const DRIVE_PERMISSION: Shape = {
  fields: {
    role: string,
    type: string,
    emailAddress: string,
    domain: string,
    allowFileDiscovery: boolean,
    expirationTime: string,
    view: string,
  },
};

export interface Violation {
  readonly field: string;
  readonly description: string;
}

/** The first way `value` breaks `shape`, or null. */
export function violation(value: unknown, shape: Shape, at = ''): Violation | null {
  const where = at === '' ? '' : ` at '${at}'`;
  const wrong = (type: string): Violation => ({
    field: at,
    description: `Invalid value${where} (${type}), ${JSON.stringify(value)}`,
  });
  if (typeof shape === 'string') {
    switch (shape) {
      case 'string':
        return typeof value === 'string' ? null : wrong('TYPE_STRING');
      case 'boolean':
        return typeof value === 'boolean' ? null : wrong('TYPE_BOOL');
      case 'integer':
        return Number.isInteger(value) ? null : wrong('TYPE_INT32');
      case 'number':
        return typeof value === 'number' ? null : wrong('TYPE_DOUBLE');
      case 'scalar':
        return ['string', 'number', 'boolean'].includes(typeof value) || value === null
          ? null
          : wrong('type.googleapis.com/google.protobuf.Value');
    }
  }
  if ('enum' in shape) {
    return typeof value === 'string' && shape.enum.includes(value) ? null : wrong('TYPE_ENUM');
  }
  if ('list' in shape) {
    if (!Array.isArray(value)) return wrong('TYPE_MESSAGE');
    for (let i = 0; i < value.length; i++) {
      const v = violation(value[i], shape.list, `${at}[${i}]`);
      if (v) return v;
    }
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return wrong('TYPE_MESSAGE');
  }
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const path = at === '' ? key : `${at}.${key}`;
    if ('map' in shape) {
      const v = violation(inner, shape.map, path);
      if (v) return v;
      continue;
    }
    const field = shape.fields[key];
    if (!field) {
      return {
        field: at,
        description: `Invalid JSON payload received. Unknown name "${key}"${where}: Cannot find field.`,
      };
    }
    const v = violation(inner, field, path);
    if (v) return v;
  }
  return null;
}

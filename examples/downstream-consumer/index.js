'use strict';
module.exports = { ...require('./warehouse-table'), ...require('./consumer') };

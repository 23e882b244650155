window.counterHelper = () => 'with helper';
